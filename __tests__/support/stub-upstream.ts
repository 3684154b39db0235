// A stand-in for moto where a test checks the scenario proxy itself and not AWS's answers:
// an HTTP server on 127.0.0.1 that answers every request with one fixed JSON body, so the
// proxy's own tests run in the unit project without an emulator.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubUpstream {
  readonly url: string;
  /** How many requests reached it. */
  readonly received: () => number;
  stop(): Promise<void>;
}

/** `answer` is sent for every request, with the JSON content type AWS JSON protocols use. */
export async function startStubUpstream(answer: unknown): Promise<StubUpstream> {
  let received = 0;
  const body = Buffer.from(JSON.stringify(answer));
  const server = createServer((req, res) => {
    req.resume();
    req.once('end', () => {
      received++;
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': String(body.length) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
