-- Virtual Interface Factory (issue 12): the catalog of service templates, as data, seeded here at first start.
-- Placeholders in container values: ${<option key>}, ${address} (the container's own address) and
-- ${serviceAddress} (the SERVICE container's address). Images are pinned name:tag, never :latest:
--   osminogin/tor-simple:0.4.8.10        Alpine + Tor 0.4.8 (the stable series), small, multi-arch; a client only
--   ghcr.io/heiher/hev-socks5-tunnel:2.14.3  the TUN-to-SOCKS5 gateway the issue names, configured by env
--                                        (SOCKS5_ADDR, SOCKS5_PORT, SOCKS5_USERNAME, SOCKS5_PASSWORD, IPV4_INCLUDED_ROUTES)
--   adguard/adguardhome:v0.107.78        AdGuard Home's official image
-- wireguard runs no container: RouterOS has a native WireGuard client (/interface/wireguard).

CREATE TABLE service_templates (
    id               TEXT    NOT NULL PRIMARY KEY,
    name             TEXT    NOT NULL,
    description      TEXT    NOT NULL,
    gateway          TEXT    NOT NULL CHECK (gateway IN ('SOCKS_TUN', 'WIREGUARD', 'DNS')),
    interface_prefix TEXT    NOT NULL
);

CREATE TABLE service_template_containers (
    template_id TEXT NOT NULL REFERENCES service_templates (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('SERVICE', 'GATEWAY')),
    image       TEXT NOT NULL,
    command     TEXT,            -- NULL: the image's own
    PRIMARY KEY (template_id, role)
);

CREATE TABLE service_template_environment (
    template_id TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    key         TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    PRIMARY KEY (template_id, role, key),
    FOREIGN KEY (template_id, role) REFERENCES service_template_containers (template_id, role) ON DELETE CASCADE
);

CREATE TABLE service_template_options (
    template_id   TEXT    NOT NULL REFERENCES service_templates (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    key           TEXT    NOT NULL,
    label         TEXT    NOT NULL,
    description   TEXT    NOT NULL,
    rule          TEXT    NOT NULL CHECK (rule IN ('COUNTRY', 'HOST', 'PORT', 'TEXT', 'SECRET_TEXT', 'WG_QUICK')),
    required      INTEGER NOT NULL CHECK (required IN (0, 1)),
    default_value TEXT,
    PRIMARY KEY (template_id, key)
);

INSERT INTO service_templates (id, name, description, gateway, interface_prefix) VALUES
    ('tor', 'Tor', 'Route a network or device through the Tor network, leaving it in the country you choose.', 'SOCKS_TUN', 'tor'),
    ('wireguard', 'WireGuard VPN', 'A WireGuard client tunnel from your VPN provider''s wg-quick configuration file.', 'WIREGUARD', 'wg'),
    ('socks5', 'SOCKS5 proxy', 'An upstream SOCKS5 proxy (host, port, optional user and password) as a gateway.', 'SOCKS_TUN', 'socks'),
    ('adguard', 'AdGuard Home', 'Ad and tracker blocking DNS for the networks routed to it.', 'DNS', 'adg');

INSERT INTO service_template_containers (template_id, role, image, command) VALUES
    ('tor', 'SERVICE', 'osminogin/tor-simple:0.4.8.10', 'tor --SocksPort ${address}:9050 --ExitNodes {${exitCountry}} --StrictNodes 1'),
    ('tor', 'GATEWAY', 'ghcr.io/heiher/hev-socks5-tunnel:2.14.3', NULL),
    ('socks5', 'GATEWAY', 'ghcr.io/heiher/hev-socks5-tunnel:2.14.3', NULL),
    ('adguard', 'SERVICE', 'adguard/adguardhome:v0.107.78', NULL);

INSERT INTO service_template_environment (template_id, role, position, key, value) VALUES
    ('tor', 'GATEWAY', 1, 'SOCKS5_ADDR', '${serviceAddress}'),
    ('tor', 'GATEWAY', 2, 'SOCKS5_PORT', '9050'),
    ('tor', 'GATEWAY', 3, 'IPV4_INCLUDED_ROUTES', '0.0.0.0/0'),
    ('socks5', 'GATEWAY', 1, 'SOCKS5_ADDR', '${host}'),
    ('socks5', 'GATEWAY', 2, 'SOCKS5_PORT', '${port}'),
    ('socks5', 'GATEWAY', 3, 'SOCKS5_USERNAME', '${username}'),
    ('socks5', 'GATEWAY', 4, 'SOCKS5_PASSWORD', '${password}'),
    ('socks5', 'GATEWAY', 5, 'IPV4_INCLUDED_ROUTES', '0.0.0.0/0');

INSERT INTO service_template_options (template_id, position, key, label, description, rule, required, default_value) VALUES
    ('tor', 1, 'exitCountry', 'Exit country', 'Two-letter ISO 3166 code of the country Tor exits in, e.g. us or de.', 'COUNTRY', 1, NULL),
    ('wireguard', 1, 'config', 'wg-quick configuration', 'The .conf file from your VPN provider: [Interface] PrivateKey and Address, one [Peer] with PublicKey, AllowedIPs and Endpoint.', 'WG_QUICK', 1, NULL),
    ('socks5', 1, 'host', 'Proxy host', 'Host name or IPv4 address of the upstream SOCKS5 proxy.', 'HOST', 1, NULL),
    ('socks5', 2, 'port', 'Proxy port', 'TCP port of the upstream SOCKS5 proxy.', 'PORT', 0, '1080'),
    ('socks5', 3, 'username', 'User name', 'User name at the proxy, if it asks for one.', 'TEXT', 0, NULL),
    ('socks5', 4, 'password', 'Password', 'Password at the proxy, if it asks for one.', 'SECRET_TEXT', 0, NULL);
