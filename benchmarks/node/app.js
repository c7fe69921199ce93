// The peer of the HTTP load benchmark: the same two endpoints as the sample WAR, /api/data secured by
// express-oauth-jwt 2.0.2 with a remote JWKS (jose's createRemoteJWKSet, as in the library's example).
// Env: PORT, JWKS_URI, WORKERS (processes, default 2 = one per core). Binds 127.0.0.1 only.
'use strict';
const cluster = require('node:cluster');
const workers = parseInt(process.env.WORKERS || '2', 10);

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  const stop = () => { for (const id in cluster.workers) cluster.workers[id].kill(); process.exit(0); };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  const express = require('express');
  const { secure } = require('express-oauth-jwt');
  const { createRemoteJWKSet } = require('jose');
  const jwks = createRemoteJWKSet(new URL(process.env.JWKS_URI));
  const app = express();
  app.disable('x-powered-by');
  app.get('/api/public', (req, res) => res.json({ message: 'Public endpoint, no token needed' }));
  app.get('/api/data', secure(jwks), (req, res) => res.json({
    message: `API called for user with scope '${req.claims.scope || ''}' and role '${req.claims.role || ''}'`,
  }));
  app.listen(parseInt(process.env.PORT || '3000', 10), '127.0.0.1');
}
