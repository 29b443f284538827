# PoleGraph server image. Build: docker build -t polegraph . ; see docker-compose.yml and the
# README's "Operating PoleGraph".
# Node 24: the current LTS line (Node 20 reached its end of life in April 2026).
FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.base.json ./
COPY server/package.json server/package.json
COPY client-sdk/package.json client-sdk/package.json
RUN npm ci --no-audit --no-fund
COPY server server
# The SDK's sources: the dashboards' bundle is built from them (operations and client), and the
# trusted-documents manifest (TRUSTED_DOCUMENTS=anonymous|all) is generated among them.
COPY client-sdk/src client-sdk/src
RUN npm run build -w server && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=4000
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/server/package.json server/package.json
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/client-sdk/src/generated/persisted-documents.json client-sdk/src/generated/persisted-documents.json
# The default SQLite database (sqlite:./data/polegraph.sqlite) lives in a volume the server's
# unprivileged user owns; a named volume mounted there starts with this ownership.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Applies pending migrations (MySQL) then serves; on SQLite the migrate step is a no-op. `exec`
# makes node the process that receives SIGTERM (docker stop), for the clean stop.
CMD ["sh", "-c", "node server/dist/cli/migrate.cli.js && exec node server/dist/main.js"]
