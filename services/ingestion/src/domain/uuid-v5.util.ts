// The platform's name-based UUID lives in the contracts: leadIds are part of the public contract.
export { uuidV5 } from '@smarketing/contracts';
