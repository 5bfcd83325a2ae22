// The dashboard's cookie that both sides name (#15): the server sets it, the page reads it. A
// module of its own, apart from admin.ts, whose zod schemas the dashboard's bundle must not take
// (it imports only their types).

/**
 * Set (value `1`) and cleared by the server with its `HttpOnly` session cookie, for the
 * dashboard's script to read: a session may be there. Never a credential.
 */
export const SIGNED_IN_COOKIE = 'af_admin_signed_in';
