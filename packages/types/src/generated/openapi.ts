/**
 * Generated from spec/openapi.yaml (version 1.0.0, sha256 861716d1fec5e841) by `pnpm generate`.
 * Do not edit by hand: change the spec or scripts/src/generate.ts, then run the command again.
 */
export interface paths {
    "/accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}/participants/{participant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fetch details of a participant
         * @description Returns details of the given participant ID along with call statistics for the given session ID.
         *
         *     Accepted permissions (at least one required): Realtime Admin, Realtime.
         */
        get: operations["getSessionParticipantDetails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/accounts/{account_id}/realtime/kit/{app_id}/sessions/peer-report/{peer_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fetch details of peer
         * @description Returns details of the given peer ID along with call statistics for the given session ID.
         *
         *     Accepted permissions (at least one required): Realtime Admin, Realtime.
         */
        get: operations["getParticipantDataFromPeerId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description A filter to apply to the participant's details.
         * @enum {string}
         */
        ParticipantFilter: "device_info" | "ip_information" | "precall_network_information" | "events" | "quality_stats";
        GetSessionParticipantDetailsResponse: {
            data?: components["schemas"]["ParticipantDetails"] | null;
            success?: boolean | null;
        };
        ParticipantDetails: {
            participant?: components["schemas"]["Participant"] | null;
        };
        Participant: {
            /** @description Participant ID. This maps to the corresponding peerId. */
            id?: string | null;
            /** @description timestamp when this participant was created. */
            created_at?: string | null;
            /** @description ID passed by client to create this participant. */
            custom_participant_id?: string | null;
            /** @description Display name of participant when joining the session. */
            display_name?: string | null;
            /** @description number of minutes for which the participant was in the session. */
            duration?: number | null;
            /** @description timestamp at which participant joined the session. */
            joined_at?: string | null;
            /** @description timestamp at which participant left the session. */
            left_at?: string | null;
            /** @description Connection lifecycle events for the participant’s peer. Only included when include_peer_events is true. */
            peer_events?: components["schemas"]["PeerEvent"][] | null;
            /** @description Name of the preset associated with the participant. */
            preset_name?: string | null;
            /** @description timestamp when this participant’s data was last updated. */
            updated_at?: string | null;
            /** @description User id for this participant. */
            user_id?: string | null;
        };
        PeerEvent: {
            /** @description ID of the peer event. */
            id?: string | null;
            /** @description Timestamp when this peer event was created. */
            created_at?: string | null;
            /**
             * @description Name of the peer event.
             * @enum {string|null}
             */
            event_name?: "PEER_CREATED" | "PEER_JOINING" | "PEER_LEAVING" | null;
            /** @description Minutes consumed attributed to this event. */
            minutes_consumed?: number | null;
            /** @description ID of the participant this event belongs to. */
            participant_id?: string | null;
            /** @description Peer ID this event belongs to. */
            peer_id?: string | null;
            /**
             * @description View type of the preset associated with the peer.
             * @enum {string|null}
             */
            preset_view_type?: "GROUP_CALL" | "WEBINAR" | "AUDIO_ROOM" | "LIVESTREAM" | "CHAT" | null;
            /** @description ID of the session this event belongs to. */
            session_id?: string | null;
            /** @description ID of the socket session associated with this event. */
            socket_session_id?: string | null;
            /** @description Timestamp when this peer event was last updated. */
            updated_at?: string | null;
        };
        GetParticipantDataFromPeerIdResponse: {
            data?: components["schemas"]["PeerParticipant"] | null;
            success?: boolean | null;
        };
        PeerParticipant: {
            /** @description Participant ID. This maps to the corresponding peerId. */
            id?: string | null;
            /** @description timestamp when this participant was created. */
            created_at?: string | null;
            /** @description ID passed by client to create this participant. */
            custom_participant_id?: string | null;
            /** @description Display name of participant when joining the session. */
            display_name?: string | null;
            /** @description number of minutes for which the participant was in the session. */
            duration?: number | null;
            /** @description timestamp at which participant joined the session. */
            joined_at?: string | null;
            /** @description timestamp at which participant left the session. */
            left_at?: string | null;
            peer_events?: {
                [key: string]: unknown;
            }[] | null;
            /** @description Peer call statistics report. */
            peer_report?: components["schemas"]["PeerReport"] | null;
            /** @description Name of the preset associated with the participant. */
            preset_name?: string | null;
            /** Format: uuid */
            session_id?: string | null;
            /** @description timestamp when this participant’s data was last updated. */
            updated_at?: string | null;
            /** @description User id for this participant. */
            user_id?: string | null;
        };
        /** @description Peer call statistics report. */
        PeerReport: {
            metadata?: {
                [key: string]: unknown;
            } | null;
            quality?: {
                [key: string]: unknown;
            } | null;
        };
        /** @description Either of the two JSON error envelopes. */
        ErrorEnvelope: components["schemas"]["RealtimeKitErrorEnvelope"] | components["schemas"]["CloudflareErrorEnvelope"];
        /** @description An error answered by RealtimeKit itself. */
        RealtimeKitErrorEnvelope: {
            /** @constant */
            success: false;
            error: components["schemas"]["ErrorMessage"];
        };
        /** @description An error answered by Cloudflare's API gateway, in the v4 envelope. */
        CloudflareErrorEnvelope: {
            /** @constant */
            success: false;
            errors: components["schemas"]["ErrorMessage"][];
            messages: components["schemas"]["ErrorMessage"][];
            result: null;
        };
        ErrorMessage: {
            /** @description Machine-readable error code. */
            code: number;
            /** @description Human-readable description of the error. */
            message: string;
        };
    };
    responses: {
        /**
         * @description The request was refused. RealtimeKit answers in its own envelope; Cloudflare's API gateway
         *     (authentication, permissions, rate limits) answers in the v4 envelope.
         */
        ClientError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /**
         * @description The server failed. A JSON body comes in one of the two error envelopes; a failure at
         *     Cloudflare's edge may come as an HTML page instead.
         */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /** @description The account identifier tag. */
        account_id: string;
        /** @description The app identifier tag. */
        app_id: string;
        /** @description ID of the session. */
        session_id: string;
        /** @description ID of the participant. */
        participant_id: string;
        /** @description ID of the peer. */
        peer_id: string;
        /** @description Comma separated list of filters to apply. Note that there must be no spaces between the filters. */
        filters: components["schemas"]["ParticipantFilter"][];
        /** @description if true, response includes all the peer events of participant. */
        include_peer_events: boolean;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getSessionParticipantDetails: {
        parameters: {
            query?: {
                /** @description Comma separated list of filters to apply. Note that there must be no spaces between the filters. */
                filters?: components["parameters"]["filters"];
                /** @description if true, response includes all the peer events of participant. */
                include_peer_events?: components["parameters"]["include_peer_events"];
            };
            header?: never;
            path: {
                /** @description The account identifier tag. */
                account_id: components["parameters"]["account_id"];
                /** @description The app identifier tag. */
                app_id: components["parameters"]["app_id"];
                /** @description ID of the session. */
                session_id: components["parameters"]["session_id"];
                /** @description ID of the participant. */
                participant_id: components["parameters"]["participant_id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Details of the participant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetSessionParticipantDetailsResponse"];
                };
            };
            "4XX": components["responses"]["ClientError"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getParticipantDataFromPeerId: {
        parameters: {
            query?: {
                /** @description Comma separated list of filters to apply. Note that there must be no spaces between the filters. */
                filters?: components["parameters"]["filters"];
            };
            header?: never;
            path: {
                /** @description The account identifier tag. */
                account_id: components["parameters"]["account_id"];
                /** @description The app identifier tag. */
                app_id: components["parameters"]["app_id"];
                /** @description ID of the peer. */
                peer_id: components["parameters"]["peer_id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Details of the peer, with its call statistics report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetParticipantDataFromPeerIdResponse"];
                };
            };
            "4XX": components["responses"]["ClientError"];
            "5XX": components["responses"]["ServerError"];
        };
    };
}
