import { ApiError } from '../http/errors.js';
import { definePublicRoute } from '../http/route.js';

// The WebSocket upgrade is taken before Express sees the request (realtime/hub.ts); a plain
// HTTP request gets this explanation.
export const realtimeRoutes = [
  definePublicRoute('realtime', async () => {
    throw new ApiError(
      426,
      'invalid_request_error',
      'upgrade_required',
      'GET /v1/realtime speaks WebSocket: connect with a WebSocket client (see docs/realtime.md).',
    );
  }),
];
