/** Every id the extension contributes, in one place. Pure. */
export const EXTENSION_ID = 'dockyard.dockyard';
export const CONFIG_SECTION = 'dockyard';
export const DIAGNOSTIC_SOURCE = 'Dockyard';
export const LOG_NAME = 'Dockyard';

export const Commands = {
  fixAllInFile: 'dockyard.fixAllInFile',
  showLog: 'dockyard.showLog',
  openRuleDocs: 'dockyard.openRuleDocs',
  openRuleIndex: 'dockyard.openRuleIndex',
  refreshDockerfiles: 'dockyard.dockerfiles.refresh',
} as const;

export const Views = {
  container: 'dockyard',
  dockerfiles: 'dockyard.views.dockerfiles',
} as const;

/** `source.fixAll.dockyard`, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND_SUFFIX = 'dockyard';


/** File names that are Dockerfiles (the CLI and the extension agree). */
export const DOCKERFILE_GLOB = '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*,*.containerfile}';
