import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { StartNode } from './fixtures/StartNode.node';
import { TransportProbe } from './fixtures/TransportProbe.node';

/** The package name; n8n prefixes each node's description name with it. */
export const PACKAGE_NAME = 'n8n-nodes-automanet';

/** Prefix of the test-only node types under test/harness/fixtures. */
export const FIXTURE_PACKAGE_NAME = 'n8n-nodes-automanet-test';

/**
 * The package's shipped nodes, loaded on first use so the harness works before every node
 * exists: the short name, the module path relative to this file and the exported class.
 */
const PACKAGE_NODES: Record<string, { modulePath: string; className: string }> = {
	automaNet: { modulePath: '../../nodes/AutomaNet/AutomaNet.node', className: 'AutomaNet' },
	automaNetTrigger: {
		modulePath: '../../nodes/AutomaNetTrigger/AutomaNetTrigger.node',
		className: 'AutomaNetTrigger',
	},
	automaNetPollTrigger: {
		modulePath: '../../nodes/AutomaNetPollTrigger/AutomaNetPollTrigger.node',
		className: 'AutomaNetPollTrigger',
	},
};

/**
 * Returns the full n8n type name of a node: `automaNet` becomes
 * `n8n-nodes-automanet.automaNet`, and a fixture such as `transportProbe` gets the test prefix.
 * A name that already contains a dot is returned unchanged.
 */
export function nodeTypeName(shortName: string): string {
	if (shortName.includes('.')) return shortName;
	return shortName in PACKAGE_NODES
		? `${PACKAGE_NAME}.${shortName}`
		: `${FIXTURE_PACKAGE_NAME}.${shortName}`;
}

/** INodeTypes over our TypeScript node classes, the registry a Workflow resolves types from. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor() {
		this.register(new StartNode());
		this.register(new TransportProbe());
	}

	/** Registers a node instance under the full type name of its description name. */
	register(nodeType: INodeType | IVersionedNodeType): void {
		this.types.set(nodeTypeName(nodeType.description.name), nodeType);
	}

	getByName(typeName: string): INodeType | IVersionedNodeType {
		const nodeType = this.types.get(typeName) ?? this.loadPackageNode(typeName);
		if (!nodeType) {
			throw new UnexpectedError(`The test harness has no node type "${typeName}"`);
		}
		return nodeType;
	}

	getByNameAndVersion(typeName: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(typeName), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}

	private loadPackageNode(typeName: string): INodeType | IVersionedNodeType | undefined {
		const shortName = typeName.startsWith(`${PACKAGE_NAME}.`)
			? typeName.slice(PACKAGE_NAME.length + 1)
			: '';
		const source = PACKAGE_NODES[shortName];
		if (!source) return undefined;

		const module = require(source.modulePath) as Record<string, new () => INodeType>;
		const NodeClass = module[source.className];
		if (!NodeClass) {
			throw new UnexpectedError(`${source.modulePath} does not export ${source.className}`);
		}
		const nodeType = new NodeClass();
		this.types.set(typeName, nodeType);
		return nodeType;
	}
}
