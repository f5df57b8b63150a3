package org.elasticsearch.plugins;

import org.elasticsearch.Version;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.jdk.ModuleQualifiedExportsService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A PluginsService that scans no directory: it loads the given plugin classes from the classpath
 * (flat classpath, no module layers). Lives in this package for the package-private hooks.
 */
public class ClasspathPluginsService extends PluginsService {
    private final List<LoadedPlugin> classpathPlugins;

    public ClasspathPluginsService(Settings settings, Collection<Class<? extends Plugin>> classes) {
        super(settings, null, null, null);
        List<LoadedPlugin> list = new ArrayList<>();
        for (Class<? extends Plugin> c : classes) {
            Plugin instance = loadPlugin(c, settings, null);
            PluginDescriptor d = new PluginDescriptor(c.getName(), "classpath plugin", "NA", Version.CURRENT.toString(), "17",
                c.getName(), null, List.of(), false, false, false, false);
            list.add(new LoadedPlugin(d, instance, Thread.currentThread().getContextClassLoader(), ModuleLayer.boot()));
        }
        loadExtensions(list);
        this.classpathPlugins = List.copyOf(list);
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }

    @Override
    protected void addServerExportsService(Map<String, List<ModuleQualifiedExportsService>> qualifiedExports) {
        // flat classpath: no module layers to export to
    }
}
