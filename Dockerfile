# syntax=docker/dockerfile:1
# One image, two roles: `node apps/api/dist/main.js` runs everything (embedded PostgreSQL when
# DATABASE_URL is unset); add --role=api or --role=worker with DATABASE_URL and REDIS_URL to split.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true
# Node 20 bundles npm 10, which ignores the `allowScripts` approvals in package.json; npm 11.16+
# honours them (e.g. skips the denied msgpackr-extract build). Pinned to the npm that wrote the lockfile.
RUN npm install -g npm@11.19.1
# The whole context, so every workspace's package.json is there for `npm ci`; the cache mount keeps
# re-installs fast when only sources changed.
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts \
 && rm -rf .nx

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SWITCHYARD_DATA_DIR=/data
# Built workspace with production dependencies only; sources are small and keep workspace links valid.
COPY --from=build /app /app
# The embedded PostgreSQL refuses to run as root: run as `node`, with its data in /data.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
