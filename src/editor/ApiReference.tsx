/** The Lua API reference in the side panel, rendered from the same description as completion. */
import { memo } from 'react';
import { LUA_API } from '../shared/lua-api.ts';
import type { LuaFunctionDoc } from '../shared/lua-api-types.ts';
import './reference.css';

/** `code` spans for backticked text; the descriptions use no other markdown. */
function Doc({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(`[^`]+`)/)
        .map((part, i) =>
          part.startsWith('`') ? (
            <code key={i}>{part.slice(1, -1)}</code>
          ) : (
            <span key={i}>{part}</span>
          ),
        )}
    </>
  );
}

function Fn({ fn }: { fn: LuaFunctionDoc }) {
  return (
    <div className="ref-fn">
      <div className="ref-sig mono">
        {fn.signature} <span className="ref-returns">→ {fn.returns}</span>
        {fn.addition && <span className="ref-tag">addition</span>}
      </div>
      <p>
        <Doc text={fn.doc} />
      </p>
      {fn.params.length > 0 && (
        <ul className="ref-params">
          {fn.params.map((p) => (
            <li key={p.name}>
              <code>{p.name}</code>
              {p.optional && '?'} <em>{p.type}</em> — <Doc text={p.doc} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const ApiReference = memo(function ApiReference() {
  return (
    <div className="reference" data-testid="reference.panel">
      <nav className="ref-toc">
        {LUA_API.modules.map((m) => (
          <a
            key={m.name}
            href={`#ref-${m.name}`}
            onClick={(e) => {
              e.preventDefault();
              document.getElementById(`ref-${m.name}`)?.scrollIntoView({ block: 'start' });
            }}
          >
            {m.name}
          </a>
        ))}
      </nav>
      {LUA_API.modules.map((m) => (
        <section key={m.name} id={`ref-${m.name}`} className="ref-module">
          <h3 className="mono">{m.name}</h3>
          <p className="ref-doc">
            <Doc text={m.doc} />
          </p>
          {m.functions.map((fn) => (
            <Fn key={fn.name} fn={fn} />
          ))}
          {m.options && (
            <table className="ref-table">
              <thead>
                <tr>
                  <th>option</th>
                  <th>default</th>
                  <th>range</th>
                </tr>
              </thead>
              <tbody>
                {m.options.items.map((o) => (
                  <tr key={o.name}>
                    <td>
                      <code>{o.name}</code>
                      <div className="ref-small">
                        <Doc text={o.doc} />
                      </div>
                    </td>
                    <td className="mono">{o.default}</td>
                    <td className="ref-small">
                      <Doc text={o.range} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {m.classes.map((c) => (
            <div key={c.name} className="ref-class">
              <h4 className="mono">{c.name}</h4>
              <p className="ref-doc">
                <Doc text={c.doc} />
              </p>
              {c.methods.map((fn) => (
                <Fn key={fn.name} fn={fn} />
              ))}
            </div>
          ))}
          {(m.constants.length > 0 || m.tables.length > 0) && (
            <div className="ref-constants mono">
              {m.constants.map((c) => (
                <span key={c.name} title={c.doc}>
                  {m.name}.{c.name} = {JSON.stringify(c.value)}
                </span>
              ))}
              {m.tables.flatMap((t) =>
                t.members.map((c) => (
                  <span key={`${t.name}.${c.name}`} title={c.doc}>
                    {t.name}.{c.name} = {c.value}
                  </span>
                )),
              )}
            </div>
          )}
          {m.errors && (
            <table className="ref-table">
              <thead>
                <tr>
                  <th>condition</th>
                  <th>kind</th>
                  <th>retryable</th>
                </tr>
              </thead>
              <tbody>
                {m.errors.map((e) => (
                  <tr key={e.condition}>
                    <td className="ref-small">
                      <Doc text={e.condition} />
                    </td>
                    <td className="mono">{e.kind}</td>
                    <td>{e.retryable ? 'yes' : 'no'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
});
