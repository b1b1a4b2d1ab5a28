<#ftl encoding="UTF-8">
<#if introduction.reminder?has_content>Erinnerung: </#if>Darf ich Ihnen jemanden vorstellen?