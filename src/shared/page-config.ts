/**
 * What the serving process (npm start, or the Vite dev server's plugin) tells the page it
 * serves, injected into index.html as
 *   <script id="playground-config" type="application/json">{...}</script>
 * in place of the `<!--playground-config-->` marker. Only the served page sees the relay
 * token: it is not in any file and changes on every start.
 */
export interface PageConfig {
  relay?: {
    /** Path or URL of the relay endpoint, e.g. "/relay"; resolved against the page's origin. */
    url: string;
    token: string;
  };
  /** Demo-host routing, host as written -> ws base it goes to (path or URL), e.g. "/demo/api". */
  demoHosts: Record<string, string>;
}

export const PAGE_CONFIG_ELEMENT_ID = 'playground-config';
export const PAGE_CONFIG_MARKER = '<!--playground-config-->';
