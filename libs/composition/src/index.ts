export { given, provideAs, provideClass, type Dependency, type Given } from './provide-class';
