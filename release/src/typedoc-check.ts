import { Application, Logger, LogLevel, TSConfigReader, type TypeDocOptions, TypeDocReader } from "typedoc";

class Collecting extends Logger {
  readonly messages: string[] = [];
  override log(message: string, level: Exclude<LogLevel, LogLevel.None>): void {
    super.log(message, level);
    if (level >= LogLevel.Warn) this.messages.push(message);
  }
}

/**
 * The warnings and errors TypeDoc raises converting and validating (doc comments included) with
 * `options`, e.g. `{ options: "typedoc.json" }`, without writing the HTML.
 */
export async function typedocProblems(options: TypeDocOptions): Promise<string[]> {
  const app = await Application.bootstrapWithPlugins(options, [new TypeDocReader(), new TSConfigReader()]);
  const logger = new Collecting();
  logger.level = LogLevel.Warn;
  app.logger = logger;
  const project = await app.convert();
  if (project) app.validate(project);
  else logger.messages.push("TypeDoc could not convert the project");
  return logger.messages;
}
