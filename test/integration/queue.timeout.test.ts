// Queue time is counted apart from GENERATION_TIMEOUT_MS: calls that wait in the queue longer than the timeout
// still get their picture; a generation that is slow once started still gets 504 generation_timeout.
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../server/gateway/app";
import type { GenerateContext, ImageProvider, NormalizedGenerateRequest } from "../../server/providers/Provider";
import { LocalProvider } from "../../server/providers/local/LocalProvider";
import { FairQueue } from "../../server/queue/FairQueue";
import { gatedProvider } from "../../server/queue/gatedProvider";
import { memorySlotLimiter } from "../../server/queue/slotLimiter";

jest.setTimeout(30_000);

let app: FastifyInstance | undefined;
let queue: FairQueue | undefined;
afterEach(async () => {
  await app?.close();
  await queue?.close();
});

/** The local renderer behind one slot each 1.5 s, generation timeout 3 s (a render takes > 1 s on a loaded machine). */
async function gateway(slowMs = 0): Promise<string> {
  queue = new FairQueue(memorySlotLimiter({ rpm: 2, windowMs: 3000, marginMs: 0 }));
  const local = new LocalProvider();
  const slow: ImageProvider = {
    info: local.info,
    generate: async (request: NormalizedGenerateRequest, ctx: GenerateContext) => {
      await new Promise((resolve) => setTimeout(resolve, slowMs));
      return local.generate(request, ctx);
    },
  };
  app = await buildApp({ provider: gatedProvider(slow, queue), allowedOrigins: [], generationTimeoutMs: 3000, logger: false });
  return `${await app.listen({ port: 0, host: "127.0.0.1" })}`;
}

/** POST /v1/images/generations over plain HTTP (no `https` option: the app serves HTTP). */
async function generate(base: string): Promise<{ statusCode: number; headers: Headers; body: { error?: { code: string } } }> {
  const response = await fetch(`${base}/v1/images/generations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt: "a lighthouse at dusk", size: "1024x1024" }),
  });
  return { statusCode: response.status, headers: response.headers, body: (await response.json()) as { error?: { code: string } } };
}

test("6 calls at one slot per 1.5 s with a 3 s timeout: the last waits ~7.5 s in the queue and still gets its picture", async () => {
  const server = await gateway();
  const started = Date.now();
  const answers = await Promise.all(Array.from({ length: 6 }, () => generate(server)));
  expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(200));
  expect(Date.now() - started).toBeGreaterThanOrEqual(7400);
  // The ones that waited said so (position, expected start) in X-Illustrate-Queue.
  expect(answers.filter((a) => a.headers.get("x-illustrate-queue")).length).toBeGreaterThanOrEqual(4);
});

test("a generation slower than the timeout once started: 504 generation_timeout", async () => {
  const server = await gateway(4000);
  const answer = await generate(server);
  expect(answer.statusCode).toBe(504);
  expect(answer.body.error?.code).toBe("generation_timeout");
});
