import type { DockerfileRule } from '../types';
import { propertiesOf } from './_ast';
import { isSecretName, isSettingValue } from './_secrets';

export const rule: DockerfileRule = {
  code: 'DF068',
  name: 'secret-in-arg-or-env',
  title: 'ARG or ENV name suggests a secret',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { hadolint: ['DL3064'], buildkit: ['SecretsUsedInArgOrEnv'], other: ['DS-0031', 'CIS-DI-0010'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      const kw = info.keyword;
      if (kw !== 'ARG' && kw !== 'ENV') continue;
      for (const p of propertiesOf(info.node)) {
        const name = p.getName();
        if (!name || !isSecretName(name)) continue;
        const value = p.getValue();
        if (value !== null && ((kw === 'ENV' && value === '') || isSettingValue(value))) continue;
        const where = kw === 'ARG' ? 'build arguments are visible in the image history' : 'ENV values are stored in the image';
        ctx.report({
          range: p.getNameRange(),
          message: `${kw} "${name}" looks like a secret: ${where}; pass it with RUN --mount=type=secret instead`,
        });
      }
    }
  },
};
