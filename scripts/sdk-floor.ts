// `npm run bench`'s SDK floor: the requests one diagnosis sent, sent again by bare SDK clients built with
// the tool's client settings and none of its own code (no checks, memo, limiter or report), round by
// round as the diagnosis sent them. Its CPU and wall time are what the AWS SDK alone costs for those
// answers in a fresh Node process, which the diagnosis is then compared with.
//
//   node build/sdk-floor/floor.mjs <rounds.json>      (AWS_ENDPOINT_URL names the endpoint)
//
// rounds.json: [[{ "action": "cognito-idp:DescribeUserPool", "region": "eu-west-1", "input": {…} }, …], …]
// with inputs as a --record file holds them (dates as {"$date": …}).
import module from 'node:module';

// As dist/process.js does, before any SDK code loads.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

export interface FloorRequest {
  action: string;
  region: string;
  input: unknown;
}

type Client = { send(command: unknown): Promise<unknown>; destroy(): void };
type SdkUnit = Record<string, new (arg: unknown) => unknown>;

const [{ readFileSync }, { clientConfig }, { credentialChain }, { decode }, { services }] = await Promise.all([
  import('node:fs'),
  import('../src/aws/caller.js'),
  import('../src/aws/credentials.js'),
  import('../src/aws/recording.js'),
  import('../src/aws/services.js'),
]);

const rounds = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as FloorRequest[][];
const settings = { endpointUrl: process.env.AWS_ENDPOINT_URL! };
const credentials = credentialChain(settings);
const clients = new Map<string, Client>();
let failed = 0;

async function send({ action, region, input }: FloorRequest): Promise<void> {
  const [service, operation] = action.split(':') as [keyof typeof services, string];
  const sdk = (await services[service].load()) as unknown as SdkUnit;
  let client = clients.get(`${service} ${region}`);
  if (!client) {
    client = new sdk[services[service].client]!(clientConfig(settings, region, credentials, 3)) as Client;
    clients.set(`${service} ${region}`, client);
  }
  // An error answer (a NotFoundException the diagnosis also got) is an answer: it is counted, not thrown.
  await client.send(new sdk[`${operation}Command`]!(decode(input))).catch(() => failed++);
}

for (const round of rounds) await Promise.all(round.map(send));
for (const client of clients.values()) client.destroy();
process.stdout.write(JSON.stringify({ requests: rounds.flat().length, errors: failed }) + '\n');
