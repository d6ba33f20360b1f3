import { createRuntimeWorker, RuntimeHost, type WorkerLike } from '../runtime';
import {
  IdbTranspileCache,
  listSkills,
  loadFileEdits,
  loadInstance,
  loadSkillFiles,
  loadWorkspace,
  removeSkill,
  saveFileEdits,
  saveInstance,
  saveSkill,
  saveWorkspace,
  storageUse,
} from '../storage';

/** What the actions reach outside the store; tests swap in fakes. */
export interface Services {
  createWorker: () => WorkerLike;
  transpileCache: IdbTranspileCache;
  loadInstance: typeof loadInstance;
  saveInstance: typeof saveInstance;
  loadWorkspace: typeof loadWorkspace;
  saveWorkspace: typeof saveWorkspace;
  listSkills: typeof listSkills;
  loadSkillFiles: typeof loadSkillFiles;
  saveSkill: typeof saveSkill;
  removeSkill: typeof removeSkill;
  storageUse: typeof storageUse;
  loadFileEdits: typeof loadFileEdits;
  saveFileEdits: typeof saveFileEdits;
}

let services: Services = {
  createWorker: createRuntimeWorker,
  transpileCache: new IdbTranspileCache(__JCO_VERSION__),
  loadInstance,
  saveInstance,
  loadWorkspace,
  saveWorkspace,
  listSkills,
  loadSkillFiles,
  saveSkill,
  removeSkill,
  storageUse,
  loadFileEdits,
  saveFileEdits,
};

export function setServices(next: Partial<Services>): void {
  services = { ...services, ...next };
  disposeHosts();
}

export const getServices = () => services;

/** One runtime host (one worker) per skill, made on first use. */
const hosts = new Map<string, RuntimeHost>();

export function hostFor(skillKey: string): RuntimeHost {
  let host = hosts.get(skillKey);
  if (!host) {
    host = new RuntimeHost(services.createWorker, services.transpileCache);
    hosts.set(skillKey, host);
  }
  return host;
}

export function disposeHost(skillKey: string): void {
  hosts.get(skillKey)?.dispose();
  hosts.delete(skillKey);
}

function disposeHosts(): void {
  for (const key of [...hosts.keys()]) disposeHost(key);
}
