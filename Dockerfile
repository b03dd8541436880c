# The image gateway for production: built once with esbuild, run by plain `node` as a non-root user.
# Build: docker build -t illustrate-gateway .   Run: see compose.yaml and docs/deploy.md.

# --- build: the whole toolchain, then `npm run build:gateway` → dist-gateway/main.cjs + package.json
FROM node:20-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
# esbuild and sharp need their platform binaries (postinstall is skipped above)
RUN npm rebuild esbuild sharp
COPY tsconfig*.json ./
COPY scripts/build-gateway.mjs scripts/dev-certs.cjs ./scripts/
COPY server ./server
COPY src/core ./src/core
RUN npm run build:gateway

# --- runtime: the bundle and only the packages it leaves external (sharp with its libvips, @azure/identity)
FROM node:20-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /src/dist-gateway/package.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/dist-gateway/ ./
USER node
# Listen on every interface inside the container; the load balancer in front terminates the public TLS
# or passes it through (TLS_CERT_FILE / TLS_KEY_FILE mounted as secrets: the gateway always speaks HTTPS).
ENV HOST=0.0.0.0 PORT=3001
EXPOSE 3001
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "require('https').get({host:'127.0.0.1',port:process.env.PORT||3001,path:'/healthz',rejectUnauthorized:false},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"]
CMD ["node", "--enable-source-maps", "main.cjs"]
