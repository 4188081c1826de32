/** Machine-readable error codes the proxy answers with, in `{ error: { code, message } }`. */
export type ProxyErrorCode =
  | 'forbidden_origin'
  | 'unauthorized'
  | 'rate_limited'
  | 'rate_limiter_unavailable'
  | 'llm_not_configured'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'invalid_json'
  | 'invalid_request'
  | 'too_many_messages'
  | 'upstream_auth_failed'
  | 'upstream_forbidden'
  | 'upstream_deployment_not_found'
  | 'upstream_not_found'
  | 'upstream_rate_limited'
  | 'upstream_bad_request'
  | 'upstream_content_filter'
  | 'upstream_context_length'
  | 'upstream_error'
  | 'upstream_timeout'
  | 'upstream_unreachable'
  | 'client_closed_request'
  | 'not_found'
  | 'method_not_allowed'
  | 'internal_error';

/** An error with the HTTP status and JSON body the proxy should answer with. */
export class ProxyError extends Error {
  /** HTTP status to answer with. */
  readonly status: number;
  /** Machine-readable code. */
  readonly code: ProxyErrorCode;
  /** Seconds for a `Retry-After` header, when the client should retry later. */
  readonly retryAfterSeconds: number | undefined;

  /**
   * @param status HTTP status.
   * @param code machine-readable code.
   * @param message one sentence saying what is wrong and what to do.
   * @param retryAfterSeconds optional Retry-After in seconds.
   */
  constructor(status: number, code: ProxyErrorCode, message: string, retryAfterSeconds?: number) {
    super(message);
    this.name = 'ProxyError';
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
