// A TCP proxy a test puts between a client and a real service, to cut or silence the network.
import net, { type AddressInfo, type Socket } from 'node:net';

export interface TcpProxy {
  /** The proxy's port on 127.0.0.1. */
  port: number;
  /** Destroys every piped connection at once (a reset, as when the network or the server drops). */
  reset(): void;
  /**
   * While on, forwards no bytes either way and accepts new connections without connecting them
   * (a partition: nothing is refused, nothing answers). Off forwards again.
   */
  blackhole(on: boolean): void;
  /** Drops every connection and refuses new ones until `restore()` (a link that is down). */
  cut(): void;
  restore(): void;
  /** Connections piped (or held) now. */
  connections(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let silent = false;
  let refusing = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A reset's errors belong to the test's fault, not to the proxy.
    socket.on('error', () => {});
  };

  const server = net.createServer((client) => {
    track(client);
    if (refusing) return void client.destroy();
    if (silent) return; // accepted, never connected: the client waits for an answer that never comes
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    const forward = (from: Socket, to: Socket) => {
      from.on('data', (chunk: Buffer) => {
        if (!silent) to.write(chunk);
      });
      from.on('close', () => to.destroy());
    };
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    reset() {
      for (const socket of sockets) socket.resetAndDestroy();
    },
    blackhole(on) {
      silent = on;
    },
    cut() {
      refusing = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      refusing = false;
    },
    connections: () => sockets.size,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
