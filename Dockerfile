# syslog-ecs container image (multi-stage, runs as a non-root user).
# Not built in this project's CI: the development machines have no Docker engine. Build with
#   docker build -t syslog-ecs .
# and run with the GeoIP databases and config mounted, e.g.
#   docker run -p 5514:5514/udp -p 5514:5514 -v $PWD/geoip:/app/geoip:ro -v $PWD/config.yaml:/etc/syslog-ecs.yaml:ro \
#     syslog-ecs run --config /etc/syslog-ecs.yaml
# Ports below 1024 (514, 6514): map them (-p 514:5514/udp) rather than running as root.

FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY vendors ./vendors
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
COPY parsers ./parsers
COPY geoip/README.md ./geoip/README.md
COPY kibana/syslog-ecs.ndjson ./kibana/syslog-ecs.ndjson
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 5514/udp 5514/tcp 6514/tcp 9102/tcp
VOLUME ["/app/data"]
ENTRYPOINT ["node", "/app/dist/cli.js"]
CMD ["run"]
