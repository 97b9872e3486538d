#!/usr/bin/env node
// A real laravel-echo client for tests. Prints one JSON line on stdout per thing that happens:
//   {"type":"connected","socketId":"…","transport":"polling|websocket"}
//   {"type":"upgraded","transport":"websocket"}
//   {"type":"listening","channel":"poster_room","event":".backend_poster"}
//   {"type":"event","channel":"poster_room","event":".backend_poster","data":{…}}
//   {"type":"left","channel":"poster_room"}
//   {"type":"subscription_error","channel":"private-x","status":403}   (raw socket.on: Echo's error() is a no-op)
//   {"type":"here","channel":"presence-chat.1","members":[…user_info…]}
//   {"type":"joining"|"leaving","channel":"presence-chat.1","member":{…user_info…}}
//   {"type":"whisper","channel":"private-x","event":"typing","data":{…}}
//   {"type":"raw","event":"presence:subscribed|joining|leaving","channel":"…","payload":…}   (exact server payload)
//   {"type":"emitted","event":"subscribe"}
//   {"type":"disconnected","reason":"transport close"}
//   {"type":"error","message":"…"}
//   {"type":"done"}                       (after --idle-seconds, just before exiting 0)
// Every line also carries "client": the index of the connection (0…N-1 with --clients N, for load tests).
// stdin accepts one command per line: "leave <channel>", "listen <channel>", "emit <event> [<json>]" (<event> may be a
// JSON string, e.g. "client event"),
// "whisper <channel> <event> <json>", "quit".
//
// Usage: node echo-client.mjs --echo 1|2 --url http://127.0.0.1:6001 --channel poster_room [--channel …]
//          [--event .backend_poster …] [--transports websocket|polling|default] [--idle-seconds N] [--clients N]
//          [--header 'Name: value' …] [--handshake-header 'Name: value' …] [--whisper-event typing …] [--insecure]
//          [--path /socket.io]
// Channel names are full wire names: "private-…" is joined with Echo.private, "presence-…" with Echo.join (and its
// here/joining/leaving callbacks), anything else with Echo.channel. --header goes into Echo's auth.headers (sent with
// every subscribe, forwarded to the auth endpoint); --handshake-header is sent on the socket.io handshake itself
// (Cookie, Referer), as a browser would. --whisper-event listens for that whisper on private and presence channels.
// --insecure accepts any TLS certificate (tests against a self-signed https:// server). --path is socket.io's path
// option (a server configured with socketio.path).
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
    clients: { type: 'string', default: '1' },
    header: { type: 'string', multiple: true, default: [] },
    'handshake-header': { type: 'string', multiple: true, default: [] },
    'whisper-event': { type: 'string', multiple: true, default: [] },
    insecure: { type: 'boolean', default: false },
    path: { type: 'string' },
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

function headers(list) {
  return Object.fromEntries(list.map((header) => {
    const colon = header.indexOf(':');
    if (colon < 1) {
      throw new Error(`a header must look like 'Name: value', got ${header}`);
    }
    return [header.slice(0, colon).trim(), header.slice(colon + 1).trim()];
  }));
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
  const generation = await loadGeneration(args.echo);
  const count = Number(args.clients);
  const clients = Array.from({ length: count }, (_, index) => startClient(generation, index, count > 1));

  createInterface({ input: process.stdin }).on('line', (line) => {
    const [command, channel] = line.trim().split(/\s+/, 2);
    if (command === 'quit') {
      quit(clients);
    } else if (command) {
      clients.forEach((client) => client.command(command, channel, line.trim()));
    }
  });

  if (args['idle-seconds'] !== undefined) {
    setTimeout(() => {
      print({ type: 'done' });
      quit(clients);
    }, Number(args['idle-seconds']) * 1000);
  }
}

// One laravel-echo instance. With several in one process each needs its own Manager (forceNew), or socket.io-client
// would multiplex them all over one connection.
function startClient({ Echo, io }, index, forceNew) {
  const say = (line) => print({ ...line, client: index });
  const echo = new Echo({
    broadcaster: 'socket.io', host: args.url, client: io, ...transportOptions(args.transports),
    ...(forceNew ? { forceNew: true } : {}),
    auth: { headers: headers(args.header) },
    ...(args.insecure ? { rejectUnauthorized: false } : {}),
    ...(args.path ? { path: args.path } : {}),
    ...(args['handshake-header'].length ? { extraHeaders: headers(args['handshake-header']) } : {}),
  });
  const socket = echo.connector.socket;
  const engine = () => socket.io.engine;

  // The Manager's 'open' fires before engine.io starts probing for an upgrade, so no upgrade is missed.
  socket.io.on('open', () => {
    engine().once('upgrade', (transport) => say({ type: 'upgraded', transport: transport.name }));
  });
  socket.on('connect', () => {
    say({ type: 'connected', socketId: echo.socketId(), transport: engine().transport.name });
  });
  socket.on('disconnect', (reason) => say({ type: 'disconnected', reason: String(reason) }));
  socket.on('connect_error', (error) => say({ type: 'error', message: String(error && error.message || error) }));

  socket.on('subscription_error', (channel, status) => say({ type: 'subscription_error', channel, status }));
  // The raw presence emits as the server sent them (Echo's callbacks above only see user_info).
  for (const event of ['presence:subscribed', 'presence:joining', 'presence:leaving']) {
    socket.on(event, (channel, payload) => say({ type: 'raw', event, channel, payload }));
  }

  const channelOf = (name) => {
    if (name.startsWith('presence-')) {
      const presence = echo.join(name.slice('presence-'.length));
      if (!presence.echoStackWatched) {
        presence.echoStackWatched = true;
        presence.here((members) => say({ type: 'here', channel: name, members }))
          .joining((member) => say({ type: 'joining', channel: name, member }))
          .leaving((member) => say({ type: 'leaving', channel: name, member }));
      }
      return presence;
    }
    return name.startsWith('private-') ? echo.private(name.slice('private-'.length)) : echo.channel(name);
  };

  const listen = (channel) => {
    const subscription = channelOf(channel);
    for (const event of args.event) {
      subscription.listen(event, (data) => say({ type: 'event', channel, event, data }));
      say({ type: 'listening', channel, event });
    }
    if (channel.startsWith('private-') || channel.startsWith('presence-')) {
      for (const event of args['whisper-event']) {
        subscription.listenForWhisper(event, (data) => say({ type: 'whisper', channel, event, data }));
      }
    }
  };
  args.channel.forEach(listen);

  // "emit <event> <json>": a raw socket.io emit, for testing how the server treats payloads laravel-echo never sends.
  // The event name may be a JSON string, for names with a space: emit "client event" {...}.
  const emitRaw = (rest) => {
    const quoted = rest.startsWith('"') ? rest.indexOf('"', 1) + 1 : 0;
    const space = quoted > 0 ? (rest.length > quoted ? quoted : -1) : rest.indexOf(' ');
    try {
      const event = quoted > 0 ? JSON.parse(rest.slice(0, quoted)) : (space < 0 ? rest : rest.slice(0, space));
      const payload = space < 0 ? [] : [JSON.parse(rest.slice(space + 1))];
      socket.emit(event, ...payload);
      say({ type: 'emitted', event });
    } catch (error) {
      say({ type: 'error', message: `bad emit payload: ${error.message}` });
    }
  };

  // "whisper <channel> <event> <json>": Echo's whisper, i.e. a "client event" {channel, event: "client-<event>", data}.
  const whisper = (rest) => {
    const [channel, event, ...json] = rest.split(' ');
    try {
      channelOf(channel).whisper(event, JSON.parse(json.join(' ')));
      say({ type: 'emitted', event: `client-${event}` });
    } catch (error) {
      say({ type: 'error', message: `bad whisper: ${error.message}` });
    }
  };

  const command = (name, channel, line) => {
    if (name === 'whisper' && channel) {
      whisper(line.slice('whisper '.length));
    } else if (name === 'emit' && channel) {
      emitRaw(line.slice('emit '.length));
    } else if (name === 'leave' && channel) {
      echo.leaveChannel(channel);
      say({ type: 'left', channel });
    } else if (name === 'listen' && channel) {
      listen(channel);
    } else {
      say({ type: 'error', message: `unknown command: ${line}` });
    }
  };

  return { echo, command };
}

// Disconnect politely, then give a polling transport a moment to POST the close packet before exiting.
function quit(clients) {
  clients.forEach((client) => client.echo.disconnect());
  setTimeout(() => process.exit(0), 300);
}

main().catch((error) => {
  print({ type: 'error', message: String(error && error.stack || error) });
  process.exit(2);
});
