#!/usr/bin/env node
// A real laravel-echo client for tests. Prints one JSON line on stdout per thing that happens:
//   {"type":"connected","socketId":"…","transport":"polling|websocket"}
//   {"type":"upgraded","transport":"websocket"}
//   {"type":"listening","channel":"poster_room","event":".backend_poster"}
//   {"type":"event","channel":"poster_room","event":".backend_poster","data":{…}}
//   {"type":"left","channel":"poster_room"}
//   {"type":"emitted","event":"subscribe"}
//   {"type":"disconnected","reason":"transport close"}
//   {"type":"error","message":"…"}
//   {"type":"done"}                       (after --idle-seconds, just before exiting 0)
// stdin accepts one command per line: "leave <channel>", "listen <channel>", "emit <event> [<json>]", "quit".
//
// Usage: node echo-client.mjs --echo 1|2 --url http://127.0.0.1:6001 --channel poster_room [--channel …]
//          [--event .backend_poster …] [--transports websocket|polling|default] [--idle-seconds N]
// --echo 1 = laravel-echo 1.19.0 + socket.io-client 2.5.0 (EIO=3); --echo 2 = laravel-echo 2.5.0 + socket.io-client 4.8.1 (EIO=4).
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

const { values: args } = parseArgs({
  options: {
    echo: { type: 'string', default: '2' },
    url: { type: 'string' },
    channel: { type: 'string', multiple: true, default: [] },
    event: { type: 'string', multiple: true, default: ['.backend_poster'] },
    transports: { type: 'string', default: 'default' },
    'idle-seconds': { type: 'string' },
  },
});

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

// laravel-echo 2.x is an ES module whose CommonJS build does not load in Node, so it must be imported.
async function loadGeneration(generation) {
  if (generation === '1') {
    return { Echo: require('laravel-echo-1').default, io: require('socket.io-client-2') };
  }
  if (generation === '2') {
    const echo = await import('laravel-echo-2');
    const io = await import('socket.io-client-4');
    return { Echo: echo.default, io: io.io };
  }
  throw new Error(`--echo must be 1 or 2, got ${generation}`);
}

function transportOptions(transports) {
  switch (transports) {
    case 'default': return {};
    case 'websocket': return { transports: ['websocket'] };
    case 'polling': return { transports: ['polling'] };
    default: throw new Error(`--transports must be websocket, polling or default, got ${transports}`);
  }
}

async function main() {
  if (!args.url) {
    throw new Error('--url is required');
  }
  const { Echo, io } = await loadGeneration(args.echo);
  const echo = new Echo({ broadcaster: 'socket.io', host: args.url, client: io, ...transportOptions(args.transports) });
  const socket = echo.connector.socket;
  const engine = () => socket.io.engine;

  socket.on('connect', () => {
    print({ type: 'connected', socketId: echo.socketId(), transport: engine().transport.name });
    engine().once('upgrade', (transport) => print({ type: 'upgraded', transport: transport.name }));
  });
  socket.on('disconnect', (reason) => print({ type: 'disconnected', reason: String(reason) }));
  socket.on('connect_error', (error) => print({ type: 'error', message: String(error && error.message || error) }));

  const listen = (channel) => {
    for (const event of args.event) {
      echo.channel(channel).listen(event, (data) => print({ type: 'event', channel, event, data }));
      print({ type: 'listening', channel, event });
    }
  };
  args.channel.forEach(listen);

  createInterface({ input: process.stdin }).on('line', (line) => {
    const [command, channel] = line.trim().split(/\s+/, 2);
    if (command === 'emit' && channel) {
      emitRaw(line.trim().slice('emit '.length));
    } else if (command === 'leave' && channel) {
      echo.leaveChannel(channel);
      print({ type: 'left', channel });
    } else if (command === 'listen' && channel) {
      listen(channel);
    } else if (command === 'quit') {
      quit();
    } else if (command) {
      print({ type: 'error', message: `unknown command: ${line}` });
    }
  });

  // "emit <event> <json>": a raw socket.io emit, for testing how the server treats payloads laravel-echo never sends.
  const emitRaw = (rest) => {
    const space = rest.indexOf(' ');
    const event = space < 0 ? rest : rest.slice(0, space);
    try {
      const payload = space < 0 ? [] : [JSON.parse(rest.slice(space + 1))];
      socket.emit(event, ...payload);
      print({ type: 'emitted', event });
    } catch (error) {
      print({ type: 'error', message: `bad emit payload: ${error.message}` });
    }
  };

  // Disconnect politely, then give a polling transport a moment to POST the close packet before exiting.
  const quit = () => {
    echo.disconnect();
    setTimeout(() => process.exit(0), 300);
  };

  if (args['idle-seconds'] !== undefined) {
    setTimeout(() => {
      print({ type: 'done' });
      quit();
    }, Number(args['idle-seconds']) * 1000);
  }
}

main().catch((error) => {
  print({ type: 'error', message: String(error && error.stack || error) });
  process.exit(2);
});
