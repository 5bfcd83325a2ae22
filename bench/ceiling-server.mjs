// The ceiling for the server benchmark: a bare node:http server that answers the same JSON
// from memory (no routing framework, no validation, no database). Started by bench/server.ts
// as its own process; reads the answers from the environment and prints its URL.
//
// CEILING_ROUTES: JSON `{ "<path with query>": { "body": "...", "etag": "\"...\"" } }`, one per
// GET the benchmark measures (an unknown path gets the list body, as before).
import { createServer } from 'node:http';

const listBody = process.env.CEILING_LIST_BODY ?? '{"comments":[],"nextCursor":null,"total":0}';
const etag = process.env.CEILING_ETAG ?? '"ceiling"';
const created = process.env.CEILING_CREATED_BODY ?? '{"comment":{}}';
const routes = new Map(Object.entries(JSON.parse(process.env.CEILING_ROUTES ?? '{}')));
const fallback = { body: listBody, etag };

const server = createServer((req, res) => {
  if (req.method === 'GET') {
    const answer = routes.get(req.url) ?? fallback;
    if (req.headers['if-none-match'] === answer.etag) {
      res.writeHead(304, { etag: answer.etag });
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      etag: answer.etag,
      'cache-control': 'no-cache',
    });
    res.end(answer.body);
    return;
  }
  // POST: read the whole body, parse it as the real server would have to, answer 201.
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
      res.end(created);
    } catch {
      res.writeHead(400);
      res.end();
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`ceiling listening on http://127.0.0.1:${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
