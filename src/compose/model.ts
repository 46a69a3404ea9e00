/**
 * The typed Docker Compose project model. Every node keeps `file` and the
 * 0-based LSP `range` of its value so rules and go-to-definition can point
 * at exact tokens. Pure types: no `fs`, no `vscode`.
 */
import type { Range } from '../util/text';
import type { CNode } from './node';

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** A problem found while parsing, interpolating, merging or loading. */
export interface ComposeProblem {
  /** `yaml`, `type`, `interpolation`, `unresolved-variable`, `extends`, `include`, `file`, `env-file`, `name`. */
  code: string;
  severity: ProblemSeverity;
  message: string;
  file: string;
  range: Range;
  /** For `unresolved-variable`/`interpolation`: the variable name. */
  variable?: string;
}

/** Where a model node came from. */
export interface Src {
  file: string;
  range: Range;
}

export interface Ranged<T> extends Src {
  value: T;
}

export interface BuildConfig extends Src {
  context?: string;
  dockerfile?: string;
  dockerfileInline?: string;
  target?: string;
  args: Record<string, string | null>;
  labels: Record<string, string>;
  platforms: string[];
  tags: string[];
  cacheFrom: string[];
  network?: string;
  /** The short form `build: ./dir` was used. */
  short: boolean;
}

export interface PortConfig extends Src {
  name?: string;
  hostIp?: string;
  /** Host port or range as written ("8080", "8000-8010"); undefined when not published. */
  published?: string;
  /** Container port, or the range "3000-3005". */
  target: string;
  protocol: string;
  mode?: string;
  appProtocol?: string;
  /** Which syntax was used in the source. */
  syntax: 'short' | 'long';
  /** The short syntax as written. */
  raw?: string;
}

export type MountType = 'volume' | 'bind' | 'tmpfs' | 'npipe' | 'cluster' | 'image';

export interface VolumeMount extends Src {
  type: MountType;
  source?: string;
  target: string;
  readOnly: boolean;
  /** Short syntax mode suffix other than ro/rw (z, Z, cached, …). */
  options: string[];
  bind?: { propagation?: string; createHostPath?: boolean; selinux?: string };
  volume?: { nocopy?: boolean; subpath?: string };
  tmpfs?: { size?: string | number; mode?: number };
  consistency?: string;
  syntax: 'short' | 'long';
  raw?: string;
}

export type DependsOnCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully' | string;

export interface DependsOn extends Src {
  service: string;
  condition: DependsOnCondition;
  restart: boolean;
  required: boolean;
  syntax: 'short' | 'long';
}

export interface ServiceNetwork extends Src {
  name: string;
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
  priority?: number;
}

export interface Healthcheck extends Src {
  test?: string[] | string;
  interval?: string;
  timeout?: string;
  retries?: number;
  startPeriod?: string;
  startInterval?: string;
  disable: boolean;
}

export interface FileReference extends Src {
  source: string;
  target?: string;
  uid?: string;
  gid?: string;
  mode?: number | string;
  syntax: 'short' | 'long';
}

export interface EnvFileRef extends Src {
  path: string;
  required: boolean;
  format?: string;
}

export interface ExtendsRef extends Src {
  service: string;
  /** `extends.file`, as written. */
  fromFile?: string;
}

export interface ServiceModel extends Src {
  name: string;
  nameRange: Range;
  image?: Ranged<string>;
  build?: BuildConfig;
  command?: Ranged<string[] | string>;
  entrypoint?: Ranged<string[] | string>;
  ports: PortConfig[];
  expose: Ranged<string>[];
  volumes: VolumeMount[];
  tmpfs: Ranged<string>[];
  /** Service networks; `network_mode` is separate. */
  networks: ServiceNetwork[];
  networkMode?: Ranged<string>;
  dependsOn: DependsOn[];
  healthcheck?: Healthcheck;
  /** Environment as a map (list `K=V` entries converted); `null` = `K` without value. */
  environment: Record<string, Ranged<string | null>>;
  envFile: EnvFileRef[];
  /**
   * Set by `loadProject`: the env files' variables overlaid with `environment`
   * (what the container gets, as `config` prints it). Undefined from `parseComposeFile`.
   */
  resolvedEnvironment?: Record<string, string | null>;
  profiles: Ranged<string>[];
  restart?: Ranged<string>;
  replicas?: Ranged<number>;
  scale?: Ranged<number>;
  containerName?: Ranged<string>;
  labels: Record<string, Ranged<string>>;
  secrets: FileReference[];
  configs: FileReference[];
  links: Ranged<string>[];
  extends?: ExtendsRef;
  pullPolicy?: Ranged<string>;
  /** The raw tree of the service, for keys the model does not type. */
  node: CNode;
}

export interface TopLevelResource extends Src {
  name: string;
  nameRange: Range;
  /** `name:` attribute (the engine name). */
  resourceName?: string;
  external: boolean;
  /** Deprecated `external: {name: x}`. */
  externalName?: string;
  driver?: string;
  driverOpts: Record<string, string>;
  labels: Record<string, string>;
  /** secrets/configs `file:` (exactly one of fileSource/environment/content should be set). */
  fileSource?: string;
  environment?: string;
  content?: string;
  node: CNode;
}

/** One compose file, or a whole resolved project (after interpolation, extends, include and merge). */
export interface ComposeFileModel {
  file: string;
  name?: Ranged<string>;
  version?: Ranged<string>;
  services: ServiceModel[];
  volumes: TopLevelResource[];
  networks: TopLevelResource[];
  secrets: TopLevelResource[];
  configs: TopLevelResource[];
  includes: IncludeRef[];
  /** The ranged tree the model was read from. */
  root: CNode | undefined;
}

export interface IncludeRef extends Src {
  paths: string[];
  projectDirectory?: string;
  envFile: string[];
}

export interface ComposeProject {
  /** The normalised project name. */
  name: string;
  /** Where the name came from. */
  nameSource: 'name' | 'COMPOSE_PROJECT_NAME' | 'directory' | 'option';
  workingDir: string;
  /** The compose files loaded, in merge order (includes excluded). */
  files: string[];
  /** Every file read (compose files, includes, extends, env files). */
  filesRead: string[];
  /** The environment interpolation used (`.env` merged under the given env). */
  environment: Record<string, string>;
  activeProfiles: string[];
  /** The resolved, merged model; services disabled by profiles are in `disabledServices`. */
  model: ComposeFileModel;
  disabledServices: string[];
  /** Variables referenced with no value and no default. */
  unresolvedVariables: { name: string; file: string; range: Range }[];
  diagnostics: ComposeProblem[];
}
