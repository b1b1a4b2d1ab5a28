<#ftl encoding="UTF-8">
<#-- HTML und Text von reward-notice: wofür, nach "bedanken für": den Grund einer Regel hier in dieser Sprache, den einer Person wie geschrieben -->
<#function thanksFor reward>
  <#switch (reward.cause)!"">
    <#case "ANNIVERSARY"><#return "Ihre " + ((reward.detail)!"") + " Jahre Treue als unser Kunde">
    <#case "TOP_TIER"><#return "Ihren Platz unter unseren zehn wichtigsten Kunden">
    <#case "INTRODUCTION_CONVERTED"><#return "die Vorstellung bei " + ((reward.detail)!"") + ", aus der ein Geschäft wurde">
    <#case "REFERRAL_CONVERTED"><#return "Ihre Empfehlung von " + ((reward.detail)!"")>
    <#default><#return (reward.reason)!"">
  </#switch>
</#function>
