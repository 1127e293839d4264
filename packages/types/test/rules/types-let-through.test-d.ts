// The README's table of rules says which the types do not enforce; these compile, and the table has to
// change the day one of them stops compiling.
import { assertType, it } from "vitest";
import type {
  ErrorMessage,
  GetParticipantDataFromPeerIdResponse,
  GetSessionParticipantDetailsParameters,
} from "../../src/index.js";

it("any string for a path parameter: no maxLength, no uuid format", () => {
  assertType<GetSessionParticipantDetailsParameters["path"]>({
    account_id: "a".repeat(33),
    app_id: "",
    session_id: "not-a-uuid",
    participant_id: "not-a-uuid",
  });
});

it("any string or number in a response where the spec says uuid or integer", () => {
  assertType<GetParticipantDataFromPeerIdResponse>({ data: { session_id: "not-a-uuid" } });
  assertType<ErrorMessage>({ code: 1.5, message: "a code that is not an integer" });
});
