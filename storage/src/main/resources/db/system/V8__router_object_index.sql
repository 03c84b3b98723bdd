-- Which router's database holds a service instance or a routing policy, so that finding one by id opens one router
-- database instead of every router's. A row is written before the object and removed after it: it may name a
-- router that no longer holds the object (a lookup checks there), it never misses one.
CREATE TABLE router_objects (
    kind      TEXT NOT NULL,
    object_id TEXT NOT NULL,
    router_id TEXT NOT NULL,
    PRIMARY KEY (kind, object_id)
);
CREATE INDEX router_objects_by_router ON router_objects (kind, router_id);
