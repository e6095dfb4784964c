/**
 * Connection failures in the plain words of the contract, in the style of Go's net package
 * ("dial tcp 127.0.0.1:9: connection refused"), from Node socket errors and HTTP responses.
 */

const NODE_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by peer',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'network is unreachable',
  ETIMEDOUT: 'i/o timeout',
  EPIPE: 'broken pipe',
};

export function describeDialError(url: string, error: Error & { code?: string }): string {
  const target = hostPort(url);
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
    return `dial tcp: lookup ${new URL(url).hostname}: no such host`;
  }
  if (error.code && NODE_CODES[error.code]) return `dial tcp ${target}: ${NODE_CODES[error.code]}`;
  if (/certificate|SSL|TLS/i.test(error.message))
    return `tls handshake with ${target}: ${error.message}`;
  return `dial ${target}: ${error.message}`;
}

export function describeRejectedHandshake(status: number, statusText: string): string {
  return `handshake rejected: ${status} ${statusText}`.trimEnd();
}

export function hostPort(url: string): string {
  try {
    const u = new URL(url);
    return u.port ? u.host : `${u.hostname}:${u.protocol === 'wss:' ? 443 : 80}`;
  } catch {
    return url;
  }
}
