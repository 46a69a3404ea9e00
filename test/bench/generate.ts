/**
 * A realistic, deterministic Dockerfile of exactly `lines` lines for the
 * benchmark: a syntax directive and global ARGs, then repeated build stages
 * (ENV/LABEL/ARG, package installs in RUN chains with continuations, COPY,
 * WORKDIR, heredocs now and then), and a final runtime stage.
 */
const DEBIAN_PKGS = ['ca-certificates', 'curl', 'git', 'build-essential', 'libssl-dev', 'pkg-config', 'python3', 'python3-pip', 'unzip', 'xz-utils', 'jq', 'gnupg'];
const ALPINE_PKGS = ['ca-certificates', 'curl', 'git', 'bash', 'openssl', 'tzdata', 'make', 'gcc', 'musl-dev'];

function stage(i: number): string[] {
  const base = i % 3 === 0 ? 'debian:12-slim' : i % 3 === 1 ? 'node:20.11-bookworm' : 'alpine:3.20';
  const name = `build-${i}`;
  const out: string[] = [];
  out.push(`# ---- stage ${i}: ${name} ----`);
  out.push(`FROM ${base} AS ${name}`);
  out.push(`ARG VERSION_${i}=1.${i}.0`);
  out.push(`ENV APP_HOME=/opt/app${i} \\`);
  out.push(`    PATH="/opt/app${i}/bin:$PATH" \\`);
  out.push(`    LANG=C.UTF-8`);
  out.push(`LABEL org.opencontainers.image.title="component-${i}" \\`);
  out.push(`      org.opencontainers.image.version="1.${i}.0"`);
  out.push(`WORKDIR /opt/app${i}`);
  if (base.startsWith('alpine')) {
    out.push('RUN apk add --no-cache \\');
    ALPINE_PKGS.forEach((p, k) => out.push(`      ${p}=${k + 1}.${i % 7}.0-r0${k === ALPINE_PKGS.length - 1 ? '' : ' \\'}`));
  } else {
    out.push('RUN apt-get update \\');
    out.push(' && apt-get install -y --no-install-recommends \\');
    DEBIAN_PKGS.forEach((p) => out.push(`      ${p} \\`));
    out.push(' && rm -rf /var/lib/apt/lists/*');
  }
  out.push(`COPY package.json package-lock.json ./`);
  out.push('RUN --mount=type=cache,target=/root/.npm \\');
  out.push('    npm ci --no-audit --no-fund \\');
  out.push(' && npm cache clean --force');
  out.push(`COPY src/ ./src/`);
  out.push(`RUN set -eux; \\`);
  out.push(`    for f in src/*.js; do \\`);
  out.push(`      echo "compiling $f"; \\`);
  out.push(`    done; \\`);
  out.push(`    mkdir -p /opt/app${i}/bin \\`);
  out.push(`    && curl -fsSL "https://example.com/tool-\${VERSION_${i}}.tar.gz" | tar -xz -C /opt/app${i}/bin \\`);
  out.push(`    && chmod +x /opt/app${i}/bin/*`);
  if (i % 4 === 0) {
    out.push('COPY <<EOF /etc/app.conf');
    out.push(`name=component-${i}`);
    out.push('level=info');
    out.push('EOF');
  }
  out.push(`ENV NODE_ENV=production`);
  out.push('');
  return out;
}

function finalStage(stages: number): string[] {
  const out: string[] = ['# ---- runtime ----', 'FROM debian:12-slim AS runtime'];
  for (let i = Math.max(0, stages - 3); i < stages; i++) out.push(`COPY --from=build-${i} /opt/app${i}/bin/ /usr/local/bin/`);
  out.push('RUN groupadd --system app && useradd --system --gid app --no-log-init app');
  out.push('USER app');
  out.push('EXPOSE 8080');
  out.push('HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/healthcheck"]');
  out.push('ENTRYPOINT ["/usr/local/bin/server"]');
  out.push('CMD ["--port", "8080"]');
  return out;
}

export function generateDockerfile(lines: number): string {
  const head = ['# syntax=docker/dockerfile:1.7', 'ARG BASE_REGISTRY=docker.io', ''];
  const body: string[] = [];
  let i = 0;
  const tailLen = finalStage(1000).length;
  for (;;) {
    const s = stage(i);
    if (head.length + body.length + s.length + tailLen > lines) break;
    body.push(...s);
    i++;
  }
  const tail = finalStage(i);
  const all = [...head, ...body];
  // Pad with realistic comment lines so the file has exactly `lines` lines.
  while (all.length + tail.length < lines) all.push(`# note ${all.length}: keep layers small; pin versions`);
  all.push(...tail);
  return all.slice(0, lines).join('\n') + '\n';
}
