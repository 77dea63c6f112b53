-- Runs once, on the first start of the docker-compose postgres container.
-- The native stack (stack.sh) creates these through deploy/local/postgres.mjs
-- (services) and stack.sh itself (smarketing_registry).
CREATE DATABASE smarketing_ingestion;
CREATE DATABASE smarketing_scoring;
CREATE DATABASE smarketing_routing;
CREATE DATABASE smarketing_sla_monitor;
CREATE DATABASE smarketing_attribution;
CREATE DATABASE smarketing_reporting;
CREATE DATABASE smarketing_registry;
