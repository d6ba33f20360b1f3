import type { CapsuleManifest, Diagnostic } from '../bundle';
import { errorMessage } from '../errors';
import {
  capsulePluginComponents,
  capsuleTools,
  entryComponent,
  TOOL_CALL_EXPORT,
  type CapsulePlugin,
} from '../tools';
import { runOptionsFor } from './instances';
import { hostFor } from './services';
import { failSkill } from './skills';
import { describeLoadError, markReady } from './skillReady';
import type { LoadedComponent, SkillFiles } from './types';

// Opening an astrid capsule: its tools come from Capsule.toml, so nothing of it runs to list
// them. Each plugin is loaded in the skill's worker without being instantiated, which checks it
// is an Extism plugin whose imports astrid 0.1.1 serves and learns what it exports.

export async function openCapsule(
  key: string,
  files: SkillFiles,
  capsule: CapsuleManifest,
): Promise<void> {
  const bundle = files.bundle.files;
  const plugins: CapsulePlugin[] = capsulePluginComponents(capsule)
    .filter((component) => bundle.has(component.file))
    .map((component) => ({ component, bytes: bundle.get(component.file)! }));
  if (plugins.length === 0) {
    markReady(key, files, {
      tools: [],
      note:
        capsule.components.length === 0
          ? 'This capsule declares no component: it has nothing to run.'
          : 'None of the components Capsule.toml names is in the bundle, so nothing can run.',
    });
    return;
  }
  let tools = capsuleTools(capsule, plugins);
  const options = await runOptionsFor(key, tools[0]);
  const loaded: LoadedComponent[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { component: declared } of plugins) {
    let component;
    try {
      component = await entryComponent(bundle, declared.file, files.analysis.name);
    } catch (error) {
      failSkill(key, errorMessage(error));
      return;
    }
    const probe = await hostFor(key).run({
      ...options,
      keepWarm: false,
      component,
      calls: [],
      plugin: { config: [], kv: [] },
    });
    if (probe.status !== 'ok' || !probe.info) {
      const error =
        probe.status === 'ok'
          ? { code: 'InvalidComponent' as const, message: 'nothing was loaded' }
          : probe.error;
      failSkill(key, `${declared.file}: ${describeLoadError(error)}`, { component });
      return;
    }
    if (!probe.info.exports.some(([name]) => name === TOOL_CALL_EXPORT)) {
      tools = tools.filter(
        (tool) => tool.call.kind !== 'capsule' || tool.call.entry !== declared.file,
      );
      diagnostics.push({
        file: declared.file,
        rule: 'capsule-no-tool-call',
        severity: 'warning',
        message: `${declared.file} does not export ${TOOL_CALL_EXPORT}, so astrid cannot call its tools.`,
      });
    }
    loaded.push({
      component,
      kind: 'capsule',
      info: probe.info,
      load: { ms: probe.timings.compileMs, from: probe.loadedFrom },
    });
  }
  const [first] = loaded;
  markReady(key, files, {
    // What the plugins import and the playground does not serve, all together.
    loaded: {
      ...first!,
      info: {
        ...first!.info,
        stubbed: [...new Set(loaded.flatMap((plugin) => plugin.info.stubbed))],
      },
    },
    tools,
    loadDiagnostics: diagnostics,
    ...(tools.length === 0
      ? { note: 'This capsule declares no [[tool]] a plugin can serve.' }
      : {}),
  });
}
