/** Valid identifiers and a recognisable token shared by the contract, property and integration tests. */

/** Distinctive enough that finding it in an error's text can only mean a leak. */
export const apiToken = "rtk-secret-token-7f3a9c2e1b5d4e60a8c9";
/** 32 characters: the longest account_id the spec allows. */
export const accountId = "023e105f4ecef8ad9ca31a8372d0c353";
export const appId = "app-0001";
export const sessionId = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
export const participantId = "9f1c2a3b-4d5e-4f60-8a7b-1c2d3e4f5a6b";
export const peerId = "3b241101-e2bb-4255-8caf-4136c566a962";
