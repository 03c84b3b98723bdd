/**
 * The Virtual Interface Factory: install a service (Tor, a WireGuard client, an upstream SOCKS5 proxy, AdGuard
 * Home) on a router and get a router interface ({@code nnc-<template>-<name>}) to route traffic through.
 *
 * <p>In-port: {@link com.nasnetconnect.domain.factory.ServiceFactory} (list templates and instances, install,
 * uninstall). Out-ports: {@link com.nasnetconnect.domain.factory.ServiceCatalog} (the templates, as data) and
 * {@link com.nasnetconnect.domain.factory.ServiceInstanceStore} (the instances of a router). An install is one
 * apply-confirm-merge plan built by the pure {@link com.nasnetconnect.domain.factory.InstallPlanner}; every object
 * it creates carries the comment {@code nnc:<instance-id>} and is an ordinary managed resource.
 */
package com.nasnetconnect.domain.factory;
