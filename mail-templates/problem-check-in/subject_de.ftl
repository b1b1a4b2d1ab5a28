<#ftl encoding="UTF-8">
<#assign n = (days!"0")?number>
<#assign vor = (n == 1)?then("einem Tag", (n == 7)?then("einer Woche", (n == 14)?then("zwei Wochen", (n gt 0)?then(n?c + " Tagen", ""))))>
<#assign spaeter = (n == 1)?then("Einen Tag", (n == 7)?then("Eine Woche", (n == 14)?then("Zwei Wochen", (n gt 0)?then(n?c + " Tage", ""))))>
<#if spaeter?has_content>${spaeter} später<#else>Nach Ihrem Anliegen</#if> – ist alles in Ordnung?