/** The ids the consumer checks call the mock with: UUIDs, as the spec requires of each. */
export const ids = {
  session: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
  participant: "5f0c2a6e-9a1b-4c3d-8e7f-0a1b2c3d4e5f",
  peer: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
} as const;
