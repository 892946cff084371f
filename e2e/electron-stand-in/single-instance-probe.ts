// Run by requestSingleInstanceLock (single-instance-lock.ts) in a child process, because that method
// is synchronous: hands this instance's command line to the primary instance, if one listens.
// Exit 0: the primary took it (this instance must quit). Exit 1: there is no primary.
import { connect } from 'node:net';

const [address, payload] = process.argv.slice(2);
const socket = connect(address ?? '');
socket.on('connect', () => socket.end(payload ?? ''));
socket.on('data', () => process.exit(0));
socket.on('error', () => process.exit(1));
socket.on('close', () => process.exit(1));
