import type { Logger, LogMetadata } from 'n8n-workflow';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface LogRecord {
	level: LogLevel;
	message: string;
	metadata?: LogMetadata;
}

/**
 * A Logger that keeps every line in memory so tests can assert on what a node logged. Lines are
 * also printed when the environment variable AUTOMANET_TEST_LOG is set.
 */
export class RecordingLogger implements Logger {
	readonly records: LogRecord[] = [];

	error(message: string, metadata?: LogMetadata): void {
		this.record('error', message, metadata);
	}

	warn(message: string, metadata?: LogMetadata): void {
		this.record('warn', message, metadata);
	}

	info(message: string, metadata?: LogMetadata): void {
		this.record('info', message, metadata);
	}

	debug(message: string, metadata?: LogMetadata): void {
		this.record('debug', message, metadata);
	}

	/** Returns this logger: n8n-core services ask the DI Logger for a scoped child. */
	scoped(): RecordingLogger {
		return this;
	}

	/** Returns the lines of one level, oldest first. */
	lines(level: LogLevel): string[] {
		return this.records.filter((record) => record.level === level).map((record) => record.message);
	}

	clear(): void {
		this.records.length = 0;
	}

	private record(level: LogLevel, message: string, metadata?: LogMetadata): void {
		this.records.push({ level, message, metadata });
		if (process.env.AUTOMANET_TEST_LOG) process.stderr.write(`[${level}] ${message}\n`);
	}
}
