/**
 * The Virtual Interface Factory: install a service (Tor, a WireGuard client, an upstream SOCKS5 proxy, AdGuard
 * Home) on a router and get a router interface ({@code nnc-<template>-<name>}) to route traffic through.
 *
 * <p>In-ports: {@link com.nasnetconnect.domain.factory.ServiceFactory} (templates, instances, install, uninstall,
 * follow) and {@link com.nasnetconnect.domain.factory.RoutingPolicies} (route a network, a device or a domain
 * through an instance). {@link com.nasnetconnect.domain.factory.ServiceLifecycle} follows each instance on the
 * router (pull progress, start, health, kill switch, failover). Out-ports:
 * {@link com.nasnetconnect.domain.factory.ServiceCatalog} (the templates, as data),
 * {@link com.nasnetconnect.domain.factory.ServiceInstanceStore} and
 * {@link com.nasnetconnect.domain.factory.RoutingPolicyStore} (per router database). An install is one
 * apply-confirm-merge plan built by the pure {@link com.nasnetconnect.domain.factory.InstallPlanner}, a policy one
 * built by the pure {@link com.nasnetconnect.domain.factory.PolicyPlanner}; every object either creates carries the
 * comment {@code nnc:<instance-id>} and is an ordinary managed resource. Changes reach subscribers through the
 * {@link com.nasnetconnect.domain.factory.ServiceInstanceFeed}, whose per-router lock every part of the factory holds.
 */
package com.nasnetconnect.domain.factory;
