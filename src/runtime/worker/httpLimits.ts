import type { NetworkSummary } from '../protocol';

export interface HttpLimits {
  /** Bytes of one response body; more fails the request with HTTP-response-body-size. */
  maxResponseBytes: number;
  /** Bytes of one request body; more fails the request with HTTP-request-body-size. */
  maxRequestBytes: number;
  /** From the request being sent to its whole body read; guest options may only shorten it. */
  timeoutMs: number;
  /** Requests one run may send; more fail with connection-limit-reached. */
  maxRequests: number;
}

/** Separate from the output limit: a response is input to the guest, not output of the run. */
export const HTTP_LIMITS: HttpLimits = {
  maxResponseBytes: 4 * 1024 * 1024,
  maxRequestBytes: 4 * 1024 * 1024,
  timeoutMs: 30_000,
  maxRequests: 100,
};

/** What one run's requests did: sent, and the hosts refused (each once, in order). */
export class NetworkLog implements NetworkSummary {
  requests = 0;
  denied: string[] = [];

  deny(host: string): void {
    if (!this.denied.includes(host)) this.denied.push(host);
  }

  get isEmpty(): boolean {
    return this.requests === 0 && this.denied.length === 0;
  }
}
