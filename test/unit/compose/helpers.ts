import { loadProject, type LoadProjectOptions } from '../../../src/compose/project';
import type { ComposeProject } from '../../../src/compose/model';

/** An in-memory file system for loadProject. */
export function memFs(files: Record<string, string>): (p: string) => string | undefined {
  return (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined);
}

export function load(files: Record<string, string>, opts: Partial<LoadProjectOptions> = {}): Promise<ComposeProject> {
  return loadProject({ workingDir: '/proj', env: {}, readFile: memFs(files), ...opts });
}

export function svc(p: ComposeProject, name: string) {
  const s = p.model.services.find((x) => x.name === name);
  if (!s) throw new Error(`no service ${name}; have ${p.model.services.map((x) => x.name).join(', ')}`);
  return s;
}
