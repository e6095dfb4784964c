import { describe, expect, it } from 'vitest';
import { EmbedConfigError, parseEmbedOrigins, securityHeaders } from './embed-routes.ts';

describe('EMBED_ORIGINS', () => {
  it('reads origins separated by commas or spaces, without duplicates', () => {
    expect(parseEmbedOrigins(undefined)).toEqual([]);
    expect(
      parseEmbedOrigins(
        ' https://docs.example.com, http://127.0.0.1:8080 https://docs.example.com/',
      ),
    ).toEqual(['https://docs.example.com', 'http://127.0.0.1:8080']);
  });

  it('refuses what is not an origin, naming it', () => {
    for (const bad of [
      'docs.example.com',
      'https://x.example/path',
      '*',
      "https://x 'unsafe-inline'",
    ])
      expect(() => parseEmbedOrigins(bad)).toThrow(EmbedConfigError);
  });
});

describe('securityHeaders', () => {
  it("lets only the playground's own origin frame it by default", () => {
    const h = securityHeaders([]);
    expect(h['Content-Security-Policy']).toContain("frame-ancestors 'self';");
    expect(h['Content-Security-Policy']).toContain("script-src 'self';");
    expect(h['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });

  it('adds the documentation sites of EMBED_ORIGINS', () => {
    const h = securityHeaders(['https://docs.example.com']);
    expect(h['Content-Security-Policy']).toContain(
      "frame-ancestors 'self' https://docs.example.com;",
    );
    expect(h['X-Frame-Options']).toBeUndefined();
  });

  it('keeps only the framing rule on the dev server (its inline preamble needs scripts)', () => {
    expect(securityHeaders([], true)['Content-Security-Policy']).toBe("frame-ancestors 'self'");
  });
});
