# syntax=docker/dockerfile:1
# One image per service, from this one file:
#   docker build --build-arg SERVICE=scoring -t smarketing/scoring .
#   docker run --rm smarketing/scoring npm run migrate:prod     (migrations; deploy runs it as a Job)
#   docker run -p 127.0.0.1:3002:3000 -e DATABASE_URL=... -e KAFKA_BROKERS=... smarketing/scoring
# SERVICE is a folder of services/ whose package.json has `build` and `start:prod` (docs/deploy.md).
# The platform tools (schema registration, topic provisioning, sample traffic) are the `tools` target:
#   docker build --target tools -t smarketing/platform-tools .
#
# Listen address: every service reads HOST and PORT (libs/config). Outside a container HOST defaults
# to 127.0.0.1, so a developer's service is never reachable from the network; in this image
# HOST=0.0.0.0, because a port published by the container engine only reaches a process that
# listens on the container's own interfaces. PORT is 3000 in every image, so every service looks
# the same from outside; map it to the host port you want.
# deploy/local/test/dockerfile.spec.ts checks this file offline (no container engine in CI).

# ---- build: the whole workspace and its locked dependencies, dev ones included
FROM node:24.21.0-trixie-slim AS build
WORKDIR /repo
# The context is the repo less .dockerignore: the lockfile, every workspace's package.json (npm ci
# needs them all) and patches/, which the postinstall (patch-package) applies to node_modules.
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# ---- tools: the platform tools run from their TypeScript (@swc-node/register, a dev dependency),
# so this image keeps the workspace and every dependency and builds no service. deploy/k8s's
# schema-registration Job and Compose's provision and sample-traffic run it (image
# smarketing/platform-tools), from /repo or a folder below it, as `node` (uid 1000, as the Job's
# securityContext pins it) over root-owned files it cannot alter. No SERVICE needed.
FROM build AS tools
USER node

# ---- service: one service's compiled output and the production dependencies
FROM build AS service
# Declared after the install, so one cached install serves every service's image.
ARG SERVICE
RUN test -n "$SERVICE" && test -f "services/$SERVICE/src/main.ts" \
  || { echo "--build-arg SERVICE=<a folder of services/ with src/main.ts> is required" >&2; exit 1; }
RUN npm run -w "services/$SERVICE" build
# Production dependencies only, still patched (prune removes, it does not reinstall). The workspace
# links point at TypeScript sources the image does not ship; the build rewrote every @smarketing/*
# import to a relative path, so nothing needs them, and removing them makes any miss fail loudly.
RUN npm prune --omit=dev --no-audit --no-fund && rm -rf node_modules/@smarketing

# ---- runtime: production node_modules, the compiled service (its models/ included), no sources
FROM node:24.21.0-trixie-slim
ARG SERVICE
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SERVICE=${SERVICE}
WORKDIR /app/services/${SERVICE}
COPY --from=service /repo/node_modules /app/node_modules
COPY --from=service /repo/services/${SERVICE}/package.json ./
COPY --from=service /repo/services/${SERVICE}/dist ./dist
# Files stay root-owned: the service runs as the image's unprivileged `node` user and cannot alter them.
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# start:prod of services/$SERVICE/package.json, run by node itself (PID 1, receives SIGTERM) rather
# than through npm; the spec checks that the two stay the same command.
CMD ["/bin/sh", "-c", "exec node --enable-source-maps dist/services/$SERVICE/src/main.js"]
