package com.nasnetconnect.domain.update;

import com.nasnetconnect.domain.common.OutPort;
import com.nasnetconnect.domain.factory.ServiceTemplate;
import java.util.List;

/**
 * Out-port: brings the factory's service catalog up to a verified catalog file. Templates of a new id are added,
 * those of a known id replaced (new images, options, descriptions); templates the file does not list stay, and
 * installed instances are not touched (they keep what they were installed with).
 */
@OutPort
public interface ServiceCatalogUpdate {
    /** @return how many templates were added or changed */
    int merge(List<ServiceTemplate> templates);
}
