/**
 * Two stand-ins for a broken network, on loopback only: a server that accepts connections and never
 * answers (a host whose Postgres hangs at startup), and a proxy whose links can be frozen (a half-open
 * connection: the socket stays up, nothing gets through).
 */
import net from 'node:net';

export interface Listening {
  port: number;
  close(): Promise<void>;
}

/** Accepts TCP connections and never says a word. */
export async function silentServer(): Promise<Listening> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Forwards to 127.0.0.1:<targetPort>; freeze() stops every open link from passing bytes, both ways. */
export async function freezableProxy(targetPort: number): Promise<Listening & { freeze(): void }> {
  const links = new Set<{ client: net.Socket; upstream: net.Socket; frozen: boolean }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const link = { client, upstream, frozen: false };
    links.add(link);
    const forward = (from: net.Socket, to: net.Socket) => from.on('data', (chunk) => { if (!link.frozen) to.write(chunk); });
    forward(client, upstream);
    forward(upstream, client);
    const end = () => { links.delete(link); client.destroy(); upstream.destroy(); };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    // New links still work (a cancel request goes through); the ones open now swallow everything.
    freeze: () => {
      for (const link of links) link.frozen = true;
    },
    close: () => {
      for (const { client, upstream } of links) { client.destroy(); upstream.destroy(); }
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
