<#ftl encoding="UTF-8">
<#if alert.kind == "LOW_RATING">${alert.company} bewertet die Lösung eines Problems mit ${alert.detail} von 5<#else>${alert.company}: nach ${alert.detail} Versuchen nicht erreicht</#if>
