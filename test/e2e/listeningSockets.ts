/**
 * Reads which TCP addresses a set of processes listens on, from Linux's /proc: the socket
 * inodes in /proc/<pid>/fd matched against the LISTEN rows of /proc/net/tcp and tcp6.
 */
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface ListeningSocket {
	address: string;
	port: number;
}

const TCP_LISTEN_STATE = '0A';

/** Returns the ids of every process whose process group is `groupId`. */
export function processGroupMembers(groupId: number): number[] {
	const members: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// Fields after the command name (which may contain spaces) start at ") ".
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) === groupId) members.push(Number(entry));
		} catch {
			// The process ended while the folder was being read.
		}
	}
	return members;
}

/** Returns the TCP sockets in LISTEN state that the given processes hold open. */
export function listeningSockets(processIds: number[]): ListeningSocket[] {
	const inodes = new Set<string>();
	for (const processId of processIds) {
		const fdFolder = `/proc/${processId}/fd`;
		if (!existsSync(fdFolder)) continue;
		for (const fd of readdirSync(fdFolder)) {
			try {
				const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`${fdFolder}/${fd}`));
				if (match) inodes.add(match[1]);
			} catch {
				// The descriptor closed while the folder was being read.
			}
		}
	}

	const sockets: ListeningSocket[] = [];
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		if (!existsSync(table)) continue;
		for (const row of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
			const columns = row.trim().split(/\s+/);
			const [local, state, inode] = [columns[1], columns[3], columns[9]];
			if (state !== TCP_LISTEN_STATE || !inodes.has(inode)) continue;
			const [hexAddress, hexPort] = local.split(':');
			sockets.push({ address: decodeAddress(hexAddress), port: parseInt(hexPort, 16) });
		}
	}
	return sockets;
}

/** Decodes /proc/net's hex address: IPv4 as one little-endian word, IPv6 as four. */
function decodeAddress(hex: string): string {
	if (hex.length === 8) {
		const bytes = hex.match(/../g) ?? [];
		return bytes
			.reverse()
			.map((byte) => parseInt(byte, 16))
			.join('.');
	}
	const words = hex.match(/.{8}/g) ?? [];
	const bytes = words.flatMap((word) => (word.match(/../g) ?? []).reverse());
	const groups: string[] = [];
	for (let i = 0; i < bytes.length; i += 2) groups.push(`${bytes[i]}${bytes[i + 1]}`);
	return groups.map((group) => parseInt(group, 16).toString(16)).join(':');
}
