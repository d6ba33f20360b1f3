import type { CapsuleManifest } from '../../bundle';

/** What an astrid capsule declares in Capsule.toml: its components, tools, config and permissions. */
export function CapsulePanel({ capsule }: { capsule: CapsuleManifest }) {
  const capabilities = Object.entries(capsule.capabilities).filter(([, list]) => list.length > 0);
  return (
    <section className="capsule" aria-label="Capsule">
      <h3>
        Capsule {capsule.name} {capsule.version && <span className="muted">{capsule.version}</span>}
      </h3>
      <p className="muted">
        An astrid capsule: an Extism plugin that astrid calls through <code>astrid_tool_call</code>{' '}
        and its own host functions. The playground runs it with @extism/extism in the skill's
        worker, with astrid 0.1.1's host functions: configuration, log, /workspace files and HTTP
        within the grants, and a key-value store kept in this browser. Its event bus, uplinks and
        scheduler are not available here: calling them fails the run with a sentence.
      </p>
      {capsule.components.filter((c) => c.type !== 'library').length > 1 && (
        <p className="muted">
          Capsule.toml does not say which plugin serves a tool: a tool is listed under each
          component whose code names it, or under all of them when none does.
        </p>
      )}
      {capsule.components.length > 0 && (
        <>
          <h4>Components</h4>
          <ul>
            {capsule.components.map((c) => (
              <li key={c.file}>
                <code>{c.file}</code>
                {c.id && ` (${c.id})`}
                {c.type && `, ${c.type}`}
                {c.hash && (
                  <>
                    , hash <code>{c.hash}</code>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {capsule.tools.length > 0 && (
        <>
          <h4>Tools</h4>
          <ul aria-label="Capsule tools">
            {capsule.tools.map((tool) => (
              <li key={tool.name}>
                <code>{tool.name}</code>: {tool.description}{' '}
                <span className="muted">
                  (
                  {Object.keys((tool.inputSchema.properties as object | undefined) ?? {}).join(
                    ', ',
                  ) || 'no parameters'}
                  )
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {capsule.env.length > 0 && (
        <>
          <h4>Configuration it asks for</h4>
          <ul>
            {capsule.env.map((env) => (
              <li key={env.key}>
                <code>{env.key}</code> ({env.type}){env.request && `: ${env.request}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {capabilities.length > 0 && (
        <>
          <h4>Capabilities</h4>
          <ul>
            {capabilities.map(([name, list]) => (
              <li key={name}>
                <code>{name}</code>: {list.join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
