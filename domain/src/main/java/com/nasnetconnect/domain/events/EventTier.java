package com.nasnetconnect.domain.events;

/** Where an event was served from: memory-backed (tmpfs), the router databases on flash, or the archive. */
public enum EventTier {
    HOT, WARM, COLD
}
