// Start the fake AWS endpoint from a world file: node build/fake-aws.mjs <world.json> [--port N]
import { startFakeAws } from './server.js';
import { loadWorld } from './world.js';

const [path, flag, port] = process.argv.slice(2);
if (!path) {
  process.stderr.write('usage: fake-aws <world.json> [--port N]\n');
  process.exit(2);
}
const fake = await startFakeAws(loadWorld(path), flag === '--port' ? { port: Number(port) } : {});
process.stdout.write(`${fake.url}\n`);
process.on('SIGINT', () => void fake.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
